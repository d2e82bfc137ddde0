// Checks our LiveKit client against LiveKit's own message definitions (@livekit/protocol, the generated
// protobuf-es types the official SDKs use). Reads one JSON object on stdin:
//   { "bodies": [ { "method": "SIP/CreateSIPParticipant", "body": "<the JSON text our client sent>" } ] }
// and answers on stdout with:
//   rpcs      every RPC of the five server services with its request and response message names
//             (the table below, checked against the message types the package exports and against
//             the methods the official Node SDK calls, so an RPC added upstream cannot go unnoticed);
//   messages  every message reachable from those requests and responses and from WebhookEvent, with
//             each field's JSON name, kind, type, repetition and oneof group;
//   enums     every enum reachable, with its value names;
//   bodies    per body: whether Type.fromJson(body, { ignoreUnknownFields: false }) accepts it (an
//             unknown or misspelled field, a wrong enum name, a wrong JSON type all fail there, where a
//             real server's protojson decoder would silently drop or reject them) and the differences
//             between the body and the decoded message written back with toJson.
import * as protocol from '@livekit/protocol';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EMPTY = 'google.protobuf.Empty';

// service -> method -> [request, response], from livekit_room.proto, livekit_egress.proto,
// livekit_ingress.proto, livekit_sip.proto and livekit_agent_dispatch.proto.
const services = {
  RoomService: {
    CreateRoom: ['CreateRoomRequest', 'Room'],
    ListRooms: ['ListRoomsRequest', 'ListRoomsResponse'],
    DeleteRoom: ['DeleteRoomRequest', 'DeleteRoomResponse'],
    ListParticipants: ['ListParticipantsRequest', 'ListParticipantsResponse'],
    GetParticipant: ['RoomParticipantIdentity', 'ParticipantInfo'],
    RemoveParticipant: ['RoomParticipantIdentity', 'RemoveParticipantResponse'],
    MutePublishedTrack: ['MuteRoomTrackRequest', 'MuteRoomTrackResponse'],
    UpdateParticipant: ['UpdateParticipantRequest', 'ParticipantInfo'],
    UpdateSubscriptions: ['UpdateSubscriptionsRequest', 'UpdateSubscriptionsResponse'],
    SendData: ['SendDataRequest', 'SendDataResponse'],
    UpdateRoomMetadata: ['UpdateRoomMetadataRequest', 'Room'],
    ForwardParticipant: ['ForwardParticipantRequest', 'ForwardParticipantResponse'],
    MoveParticipant: ['MoveParticipantRequest', 'MoveParticipantResponse'],
    PerformRpc: ['PerformRpcRequest', 'PerformRpcResponse'],
  },
  Egress: {
    StartRoomCompositeEgress: ['RoomCompositeEgressRequest', 'EgressInfo'],
    StartWebEgress: ['WebEgressRequest', 'EgressInfo'],
    StartParticipantEgress: ['ParticipantEgressRequest', 'EgressInfo'],
    StartTrackCompositeEgress: ['TrackCompositeEgressRequest', 'EgressInfo'],
    StartTrackEgress: ['TrackEgressRequest', 'EgressInfo'],
    StartEgress: ['StartEgressRequest', 'EgressInfo'],
    UpdateLayout: ['UpdateLayoutRequest', 'EgressInfo'],
    UpdateStream: ['UpdateStreamRequest', 'EgressInfo'],
    ListEgress: ['ListEgressRequest', 'ListEgressResponse'],
    StopEgress: ['StopEgressRequest', 'EgressInfo'],
  },
  Ingress: {
    CreateIngress: ['CreateIngressRequest', 'IngressInfo'],
    UpdateIngress: ['UpdateIngressRequest', 'IngressInfo'],
    ListIngress: ['ListIngressRequest', 'ListIngressResponse'],
    DeleteIngress: ['DeleteIngressRequest', 'IngressInfo'],
  },
  SIP: {
    ListSIPTrunk: ['ListSIPTrunkRequest', 'ListSIPTrunkResponse'],
    CreateSIPTrunk: ['CreateSIPTrunkRequest', 'SIPTrunkInfo'],
    CreateSIPInboundTrunk: ['CreateSIPInboundTrunkRequest', 'SIPInboundTrunkInfo'],
    CreateSIPOutboundTrunk: ['CreateSIPOutboundTrunkRequest', 'SIPOutboundTrunkInfo'],
    UpdateSIPInboundTrunk: ['UpdateSIPInboundTrunkRequest', 'SIPInboundTrunkInfo'],
    UpdateSIPOutboundTrunk: ['UpdateSIPOutboundTrunkRequest', 'SIPOutboundTrunkInfo'],
    GetSIPInboundTrunk: ['GetSIPInboundTrunkRequest', 'GetSIPInboundTrunkResponse'],
    GetSIPOutboundTrunk: ['GetSIPOutboundTrunkRequest', 'GetSIPOutboundTrunkResponse'],
    ListSIPInboundTrunk: ['ListSIPInboundTrunkRequest', 'ListSIPInboundTrunkResponse'],
    ListSIPOutboundTrunk: ['ListSIPOutboundTrunkRequest', 'ListSIPOutboundTrunkResponse'],
    DeleteSIPTrunk: ['DeleteSIPTrunkRequest', 'SIPTrunkInfo'],
    CreateSIPDispatchRule: ['CreateSIPDispatchRuleRequest', 'SIPDispatchRuleInfo'],
    UpdateSIPDispatchRule: ['UpdateSIPDispatchRuleRequest', 'SIPDispatchRuleInfo'],
    ListSIPDispatchRule: ['ListSIPDispatchRuleRequest', 'ListSIPDispatchRuleResponse'],
    DeleteSIPDispatchRule: ['DeleteSIPDispatchRuleRequest', 'SIPDispatchRuleInfo'],
    CreateSIPParticipant: ['CreateSIPParticipantRequest', 'SIPParticipantInfo'],
    TransferSIPParticipant: ['TransferSIPParticipantRequest', EMPTY],
  },
  AgentDispatchService: {
    CreateDispatch: ['CreateAgentDispatchRequest', 'AgentDispatch'],
    DeleteDispatch: ['DeleteAgentDispatchRequest', 'AgentDispatch'],
    ListDispatch: ['ListAgentDispatchRequest', 'ListAgentDispatchResponse'],
  },
};

const SDK_CLIENTS = {
  RoomService: 'RoomServiceClient.js',
  Egress: 'EgressClient.js',
  Ingress: 'IngressClient.js',
  SIP: 'SipClient.js',
  AgentDispatchService: 'AgentDispatchClient.js',
};

const SCALARS = { 1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool', 9: 'string', 12: 'bytes', 13: 'uint32', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64' };

const problems = [];
const messageType = (name) => {
  const type = protocol[name];
  if (!type || typeof type.fromJson !== 'function') {
    problems.push(`@livekit/protocol exports no message ${name}`);
    return undefined;
  }
  return type;
};

// The methods the official Node SDK calls, per service (read from its client sources).
const sdkDist = path.dirname(createRequire(import.meta.url).resolve('livekit-server-sdk'));
const sdkMethods = new Set();
for (const [service, file] of Object.entries(SDK_CLIENTS)) {
  const source = readFileSync(path.join(sdkDist, file), 'utf8');
  for (const match of source.matchAll(/rpc\.request\(\s*svc,\s*"(\w+)"/g)) {
    sdkMethods.add(`${service}/${match[1]}`);
    if (!services[service][match[1]]) {
      problems.push(`the Node SDK calls ${service}/${match[1]}, which the RPC table does not list`);
    }
  }
}

const messages = {};
const enums = {};

function describeValue(kind, T) {
  if (kind === 'scalar') {
    return { kind: 'scalar', type: SCALARS[T] };
  }
  if (kind === 'enum') {
    enums[T.typeName] ??= T.values.map((v) => v.name);
    return { kind: 'enum', type: T.typeName };
  }
  if (T.typeName === 'google.protobuf.Duration' || T.typeName === 'google.protobuf.Timestamp') {
    return { kind: 'wellknown', type: T.typeName };
  }
  describeMessage(T);
  return { kind: 'message', type: T.typeName };
}

function describeMessage(type) {
  if (messages[type.typeName]) {
    return;
  }
  const fields = [];
  messages[type.typeName] = fields;
  for (const f of type.fields.list()) {
    const field = { name: f.name, jsonName: f.jsonName, repeated: !!f.repeated, oneof: f.oneof?.name ?? null, optional: !!f.opt };
    if (f.kind === 'map') {
      Object.assign(field, { kind: 'map', key: SCALARS[f.K], value: describeValue(f.V.kind, f.V.T) });
    } else {
      Object.assign(field, describeValue(f.kind, f.T));
    }
    fields.push(field);
  }
}

const rpcs = [];
for (const [service, methods] of Object.entries(services)) {
  for (const [method, [request, response]] of Object.entries(methods)) {
    for (const name of [request, response]) {
      if (name === EMPTY) {
        messages[EMPTY] ??= [];
        continue;
      }
      const type = messageType(name);
      if (type) {
        describeMessage(type);
      }
    }
    rpcs.push({
      method: `${service}/${method}`,
      request: request === EMPTY ? EMPTY : `livekit.${request}`,
      response: response === EMPTY ? EMPTY : `livekit.${response}`,
      inNodeSdk: sdkMethods.has(`${service}/${method}`),
    });
  }
}
describeMessage(messageType('WebhookEvent'));

// Where the body and what the protocol makes of it differ, as "path: ours vs theirs" lines.
function differences(ours, theirs, at = '') {
  if (ours === theirs) {
    return [];
  }
  const bothObjects = ours && theirs && typeof ours === 'object' && typeof theirs === 'object';
  if (!bothObjects || Array.isArray(ours) !== Array.isArray(theirs)) {
    return [`${at || '(body)'}: sent ${JSON.stringify(ours)}, LiveKit reads ${JSON.stringify(theirs)}`];
  }
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  return [...keys].flatMap((k) => differences(ours[k], theirs[k], at ? `${at}.${k}` : k));
}

const input = JSON.parse(readFileSync(0, 'utf8') || '{}');
const byMethod = Object.fromEntries(rpcs.map((r) => [r.method, r]));
const bodies = (input.bodies ?? []).map(({ method, body }) => {
  const rpc = byMethod[method];
  if (!rpc) {
    return { method, ok: false, error: `LiveKit defines no RPC ${method}`, differences: [] };
  }
  const type = protocol[rpc.request.slice('livekit.'.length)];
  try {
    const decoded = type.fromJsonString(body, { ignoreUnknownFields: false });
    const diff = differences(JSON.parse(body), decoded.toJson());
    return { method, ok: diff.length === 0, error: null, differences: diff };
  } catch (e) {
    return { method, ok: false, error: String(e.message ?? e), differences: [] };
  }
});

process.stdout.write(JSON.stringify({ problems, rpcs, messages, enums, bodies }));
