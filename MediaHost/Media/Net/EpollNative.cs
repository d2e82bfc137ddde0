using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>The few Linux calls the receive loops need: an epoll set, an eventfd to wake it, and close.</summary>
internal static unsafe partial class EpollNative
{
    private const string LibC = "libc";

    public const int CloseOnExec = 0x80000;   // EPOLL_CLOEXEC / EFD_CLOEXEC (= O_CLOEXEC)
    public const int NonBlocking = 0x800;     // EFD_NONBLOCK (= O_NONBLOCK)
    public const int ControlAdd = 1;          // EPOLL_CTL_ADD
    public const int ControlDelete = 2;       // EPOLL_CTL_DEL
    public const uint Readable = 0x001;       // EPOLLIN (level-triggered: no EPOLLET)
    public const int Interrupted = 4;         // EINTR

    [LibraryImport(LibC, EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate(int flags);

    [LibraryImport(LibC, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollControl(int epoll, int operation, int fd, byte* epollEvent);

    [LibraryImport(LibC, EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epoll, byte* events, int maxEvents, int timeoutMs);

    [LibraryImport(LibC, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, int flags);

    [LibraryImport(LibC, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(LibC, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
