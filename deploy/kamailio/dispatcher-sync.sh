#!/usr/bin/env bash
# Keeps the front door's dispatcher list equal to the media nodes of the cluster (deploy/aks/frontdoor.yaml runs it as
# a sidecar of Kamailio, and once as an init container before Kamailio starts): it asks the Kubernetes API for the
# nodes with the media label, writes one "1 sip:<internal IP>:<SIP port>" line per node, and when the list changed
# tells the running Kamailio to reload it (kamcmd dispatcher.reload); the probes then take each new node into the
# rotation once its MediaHost answers OPTIONS. A node removed from the pool leaves the list (its calls in progress
# still reach it: in-dialog requests follow the Record-Route set, not the list).
# Settings (environment):
#   KUBE_API          API server, default https://kubernetes.default.svc
#   KUBE_TOKEN_FILE   the service account's token, default /var/run/secrets/kubernetes.io/serviceaccount/token
#   KUBE_CA_FILE      the API server's CA, default /var/run/secrets/kubernetes.io/serviceaccount/ca.crt ("" for plain http)
#   NODE_SELECTOR     the media nodes' label, default voicefunctions.io/role=media
#   MEDIA_SIP_PORT    the MediaHosts' SIP port on their node, default 5060
#   DISPATCHER_LIST   the list Kamailio reads (its DISPATCHER_LIST define), default /run/frontdoor/dispatcher.list
#   CTL_SOCKET        Kamailio's control socket (its CTL_SOCKET define), default unix:/run/frontdoor/kamailio_ctl
#   INTERVAL_SECONDS  seconds between checks, default 10; ONCE=1 writes the list once and exits without reloading
set -euo pipefail
api=${KUBE_API:-https://kubernetes.default.svc}
token_file=${KUBE_TOKEN_FILE:-/var/run/secrets/kubernetes.io/serviceaccount/token}
ca_file=${KUBE_CA_FILE-/var/run/secrets/kubernetes.io/serviceaccount/ca.crt}
selector=${NODE_SELECTOR:-voicefunctions.io/role=media}
port=${MEDIA_SIP_PORT:-5060}
list=${DISPATCHER_LIST:-/run/frontdoor/dispatcher.list}
ctl=${CTL_SOCKET:-unix:/run/frontdoor/kamailio_ctl}
interval=${INTERVAL_SECONDS:-10}

# One line per Ready media node, sorted so that an unchanged cluster gives an unchanged file.
media_nodes() {
  curl --fail --silent --show-error --max-time 10 ${ca_file:+--cacert "$ca_file"} \
    -H "Authorization: Bearer $(cat "$token_file")" --get --data-urlencode "labelSelector=$selector" "$api/api/v1/nodes" |
    jq -r --arg port "$port" '.items[]
      | select(any(.status.conditions[]?; .type == "Ready" and .status == "True"))
      | (.status.addresses[] | select(.type == "InternalIP") | .address) as $ip
      | "1 sip:\($ip):\($port)"' | sort -u
}

# Kamailio takes at most one reload in 5 s (dispatcher's reload_delta) and kamcmd exits 0 on an RPC error: a list the
# running Kamailio has not confirmed loading is reloaded again at the next check.
loaded=""
while true; do
  # A failed API call keeps the last list: the front door goes on with the hosts it knows.
  if nodes=$(media_nodes); then
    if [ "$nodes" != "$(cat "$list" 2>/dev/null || true)" ]; then
      printf '%s\n' "$nodes" >"$list.new" && mv "$list.new" "$list"
      echo "dispatcher-sync: $(printf '%s\n' "$nodes" | grep -c sip: || true) media node(s): $(printf '%s' "$nodes" | tr '\n' ' ')"
    fi
    [ "${ONCE:-0}" = 1 ] && exit 0
    if [ "$nodes" != "$loaded" ]; then
      reply=$(kamcmd -s "$ctl" dispatcher.reload 2>&1 || true)
      case "$reply" in
        *"successfully reloaded"*) loaded=$nodes ;;
        *) echo "dispatcher-sync: Kamailio did not reload the list yet ($reply); trying again" >&2 ;;
      esac
    fi
  else
    echo "dispatcher-sync: the Kubernetes API did not answer; keeping the last list" >&2
    [ "${ONCE:-0}" = 1 ] && exit 1
  fi
  sleep "$interval"
done
