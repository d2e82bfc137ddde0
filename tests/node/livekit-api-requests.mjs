// Makes a fixed set of LiveKit server API calls with the official Node SDK against a loopback recorder,
// so the .NET tests can compare the request bodies and bearer-token grants our clients send with the
// reference implementation's. Usage: node livekit-api-requests.mjs <url> <apiKey> <apiSecret> <call>...
// Each call's arguments must match the C# side in LiveKitApiNodeInteropTests exactly.
import {
  AgentDispatchClient,
  AzureBlobUpload,
  FileOutput,
  Output,
  StartEgressRequest,
  StorageConfig,
  TemplateSource,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  IngressClient,
  IngressInput,
  RoomAgentDispatch,
  RoomConfiguration,
  RoomServiceClient,
  S3Upload,
  SipClient,
} from 'livekit-server-sdk';

const [url, apiKey, apiSecret, ...calls] = process.argv.slice(2);
const rooms = new RoomServiceClient(url, apiKey, apiSecret);
const sip = new SipClient(url, apiKey, apiSecret);
const egress = new EgressClient(url, apiKey, apiSecret);
const ingress = new IngressClient(url, apiKey, apiSecret);
const agents = new AgentDispatchClient(url, apiKey, apiSecret);

const SIP_X_HEADERS = 1; // SIPHeaderOptions.SIP_X_HEADERS (the enum is not re-exported by the SDK)

const azureUpload = () => new AzureBlobUpload({ accountName: 'recordings-account', accountKey: 'azure-key', containerName: 'recordings' });
const azureOgg = () => new EncodedFileOutput({
  fileType: EncodedFileType.OGG,
  filepath: 'calls/{room_name}.ogg',
  disableManifest: true,
  output: { case: 'azure', value: azureUpload() },
});

const scripts = {
  CreateRoom: () => rooms.createRoom({ name: 'interop-room', emptyTimeout: 120, departureTimeout: 15, maxParticipants: 5, metadata: '{"lang":"ru"}' }),
  ListRooms: () => rooms.listRooms(['interop-room', 'other-room']),
  ListParticipants: () => rooms.listParticipants('interop-room'),
  UpdateParticipant: () => rooms.updateParticipant('interop-room', 'caller', { metadata: 'm', attributes: { 'sip.note': 'vip', gone: '' } }),
  RemoveParticipant: () => rooms.removeParticipant('interop-room', 'caller', { revokeTokenTs: 1796558400n }),
  ForwardParticipant: () => rooms.forwardParticipant('interop-room', 'caller', 'other-room'),
  MoveParticipant: () => rooms.moveParticipant('interop-room', 'caller', 'other-room'),
  UpdateSubscriptions: () => rooms.updateSubscriptions('interop-room', 'caller', ['TR_a', 'TR_b'], true),
  CreateSIPInboundTrunk: () => sip.createSipInboundTrunk('provider-in', ['+15551230000'], {
    allowedAddresses: ['10.0.0.0/24'], authUsername: 'trunk-user', authPassword: 'trunk-pass', krispEnabled: true,
  }),
  CreateSIPDispatchRule: () => sip.createSipDispatchRule({ type: 'individual', roomPrefix: 'call-' }, {
    trunkIds: ['ST_interop'], name: 'per-caller', attributes: { team: 'support' },
    roomConfig: new RoomConfiguration({
      metadata: '{"lang":"ru"}',
      emptyTimeout: 30,
      agents: [new RoomAgentDispatch({ agentName: 'voice-agent', metadata: 'inbound' })],
    }),
  }),
  CreateSIPParticipant: () => sip.createSipParticipant('ST_outbound', '+15557654321', 'call-room', {
    fromNumber: '+15550001111',
    participantIdentity: 'sip-callee',
    participantName: 'Callee',
    participantAttributes: { purpose: 'agent-dispatch' },
    dtmf: '1w2',
    playDialtone: true,
    includeHeaders: SIP_X_HEADERS,
    ringingTimeout: 25,
    maxCallDuration: 3600,
    krispEnabled: true,
    waitUntilAnswered: true,
  }),
  TransferSIPParticipant: () => sip.transferSipParticipant('call-room', 'sip-callee', 'tel:+15550002222', { playDialtone: true, ringingTimeout: 20 }),
  StartTrackEgress: () => egress.startTrackEgress('call-room', 'wss://127.0.0.1:9/audio', 'TR_interop'),
  StartRoomCompositeEgress: () => egress.startRoomCompositeEgress('call-room', {
    file: new EncodedFileOutput({
      fileType: EncodedFileType.OGG,
      filepath: 'calls/{room_name}-{time}.ogg',
      output: { case: 's3', value: new S3Upload({ accessKey: 'access', secret: 's3-secret', region: 'eu-west-1', bucket: 'recordings' }) },
    }),
  }, { audioOnly: true }),
  'StartRoomCompositeEgress+Azure': () => egress.startRoomCompositeEgress('call-room', { file: azureOgg() }, { audioOnly: true }),
  StartTrackCompositeEgress: () => egress.startTrackCompositeEgress('call-room', { file: azureOgg() }, { audioTrackId: 'TR_caller' }),
  StartParticipantEgress: () => egress.startParticipantEgress('call-room', 'caller', { file: azureOgg() }),
  StartWebEgress: () => egress.startWebEgress('https://example.invalid/page', { file: azureOgg() }, { audioOnly: true }),
  StartEgress: () => egress.startEgress(new StartEgressRequest({
    roomName: 'call-room',
    source: { case: 'template', value: new TemplateSource({ layout: 'speaker', audioOnly: true }) },
    outputs: [new Output({ config: { case: 'file', value: new FileOutput({ fileType: EncodedFileType.OGG, filepath: 'calls/x.ogg' }) } })],
    storage: new StorageConfig({ provider: { case: 'azure', value: azureUpload() } }),
  })),
  UpdateLayout: () => egress.updateLayout('EG_interop', 'speaker'),
  UpdateStream: () => egress.updateStream('EG_interop', ['rtmp://127.0.0.1/a'], ['rtmp://127.0.0.1/b']),
  'CreateSIPParticipant+Media': () => sip.createSipParticipant('ST_outbound', '+15557654321', 'call-room', {
    participantIdentity: 'sip-callee',
    displayName: 'VoiceFunctions',
    hidePhoneNumber: true,
    headers: { 'X-Call-Purpose': 'survey' },
    media: { onlyListedCodecs: true, codecs: [{ name: 'PCMA', rate: 8000 }] },
  }),
  CreateIngress: () => ingress.createIngress(IngressInput.URL_INPUT, {
    name: 'pull', roomName: 'call-room', participantIdentity: 'ingress-1', participantName: 'Ingress',
    url: 'https://media.invalid/stream.m3u8', enableTranscoding: true,
  }),
  CreateDispatch: () => agents.createDispatch('call-room', 'voice-agent', { metadata: '{"lang":"ru"}' }),
};

for (const call of calls) {
  const script = scripts[call];
  if (!script) {
    console.error(`unknown call ${call}`);
    process.exit(2);
  }
  await script();
}
console.log(JSON.stringify({ done: calls }));
