// Checks the loopback LiveKit API test server with the official Node SDK as the client: SDK-minted tokens
// are accepted, and every response parses with the SDK's protobuf types in strict mode (an unknown field
// name or a wrongly typed value throws). Usage: node livekit-api-loopback-check.mjs <url> <apiKey> <apiSecret>
// Prints one JSON object with what the C# test asserts.
import {
  AccessToken,
  AgentDispatch,
  EgressInfo,
  IngressInfo,
  ParticipantInfo,
  Room,
  RoomServiceClient,
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
  SIPParticipantInfo,
  SipClient,
} from 'livekit-server-sdk';

const [url, apiKey, apiSecret] = process.argv.slice(2);

async function call(service, method, body, video, sip) {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '10m' });
  if (video) token.addGrant(video);
  if (sip) token.addSIPGrant(sip);
  const response = await fetch(`${url}/twirp/livekit.${service}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token.toJwt()}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

// Strict: protobuf-es fromJson throws on keys the message does not have.
const strict = (type, json) => type.fromJson(json);

const room = strict(Room, (await call('RoomService', 'CreateRoom', { name: 'node-room', emptyTimeout: 60 }, { roomCreate: true })).json);
const outbound = strict(SIPOutboundTrunkInfo, (await call('SIP', 'CreateSIPOutboundTrunk',
  { trunk: { name: 'out', address: '127.0.0.1:5080', numbers: ['+15550001111'], transport: 'SIP_TRANSPORT_UDP' } }, null, { admin: true })).json);
const inbound = strict(SIPInboundTrunkInfo, (await call('SIP', 'CreateSIPInboundTrunk',
  { trunk: { name: 'in', numbers: ['+15551230000'], ringingTimeout: '20s' } }, null, { admin: true })).json);
const conflict = await call('SIP', 'CreateSIPInboundTrunk', { trunk: { name: 'again', numbers: ['+15551230000'] } }, null, { admin: true });
const rule = strict(SIPDispatchRuleInfo, (await call('SIP', 'CreateSIPDispatchRule',
  { rule: { dispatchRuleIndividual: { roomPrefix: 'call-' } }, trunkIds: [inbound.sipTrunkId] }, null, { admin: true })).json);
const dial = strict(SIPParticipantInfo, (await call('SIP', 'CreateSIPParticipant',
  { sipTrunkId: outbound.sipTrunkId, sipCallTo: 'agent', roomName: 'node-room', ringingTimeout: '15s' }, null, { call: true })).json);
const listed = (await call('RoomService', 'ListParticipants', { room: 'node-room' }, { roomAdmin: true, room: 'node-room' })).json;
const participants = listed.participants.map((p) => strict(ParticipantInfo, p));
const egress = strict(EgressInfo, (await call('Egress', 'StartTrackEgress',
  { roomName: 'node-room', trackId: participants[0].tracks[0].sid, websocketUrl: 'ws://127.0.0.1:9/audio' }, { roomRecord: true })).json);
const ingress = strict(IngressInfo, (await call('Ingress', 'CreateIngress',
  { inputType: 'URL_INPUT', url: 'https://media.invalid/live.m3u8', roomName: 'node-room', participantIdentity: 'ingress' }, { ingressAdmin: true })).json);
const dispatch = strict(AgentDispatch, (await call('AgentDispatchService', 'CreateDispatch',
  { room: 'node-room', agentName: 'voice-agent' }, { roomAdmin: true, room: 'node-room' })).json);
const missingGrant = await call('RoomService', 'ListRooms', {}, { roomCreate: true });

// The SDK's own clients (their per-call tokens and loose parsing) against the same server.
const rooms = await new RoomServiceClient(url, apiKey, apiSecret).listRooms();
const trunks = await new SipClient(url, apiKey, apiSecret).listSipInboundTrunk();

console.log(JSON.stringify({
  roomSid: room.sid,
  roomCreationTime: room.creationTime.toString(),
  outboundTransport: outbound.transport,
  inboundRingingSeconds: inbound.ringingTimeout ? Number(inbound.ringingTimeout.seconds) : null,
  conflict: { status: conflict.status, code: conflict.json.code },
  ruleId: rule.sipDispatchRuleId,
  rulePrefix: rule.rule?.rule.case === 'dispatchRuleIndividual' ? rule.rule.rule.value.roomPrefix : null,
  sipCallId: dial.sipCallId,
  participantKind: participants[0].kind,
  participantCallId: participants[0].attributes['sip.callID'],
  egressId: egress.egressId,
  egressWebsocket: egress.request.case === 'track' && egress.request.value.output.case === 'websocketUrl' ? egress.request.value.output.value : null,
  ingressId: ingress.ingressId,
  ingressInput: ingress.inputType,
  dispatchId: dispatch.id,
  missingGrant: { status: missingGrant.status, code: missingGrant.json.code, msg: missingGrant.json.msg },
  sdkRooms: rooms.map((r) => r.name),
  sdkTrunks: trunks.map((t) => t.sipTrunkId),
}));
