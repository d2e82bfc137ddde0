using System.Net;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// A datagram handed to a socket's receiver, on a receive thread. Both spans are lent for the call only: the buffer and
/// the sender address are reused for the next datagram, so a handler copies what it keeps.
/// </summary>
public delegate void DatagramReceived(ReadOnlySpan<byte> datagram, SocketAddress sender);
