import ctypes, sys
lib = ctypes.CDLL('libspandsp.so.2')
lib.g722_encode_init.restype = ctypes.c_void_p
lib.g722_decode_init.restype = ctypes.c_void_p
lib.g722_encode_init.argtypes=[ctypes.c_void_p,ctypes.c_int,ctypes.c_int]
lib.g722_decode_init.argtypes=[ctypes.c_void_p,ctypes.c_int,ctypes.c_int]
lib.g722_encode.argtypes=[ctypes.c_void_p,ctypes.c_char_p,ctypes.c_char_p,ctypes.c_int]
lib.g722_decode.argtypes=[ctypes.c_void_p,ctypes.c_char_p,ctypes.c_char_p,ctypes.c_int]
pcm = open(sys.argv[1],'rb').read()
n = len(pcm)//2
enc = lib.g722_encode_init(None, 64000, 0)
out = ctypes.create_string_buffer(n//2)
m = lib.g722_encode(enc, out, pcm, n)
open(sys.argv[2],'wb').write(out.raw[:m])
dec = lib.g722_decode_init(None, 64000, 0)
pcmout = ctypes.create_string_buffer(m*4)
k = lib.g722_decode(dec, pcmout, out.raw[:m], m)
open(sys.argv[3],'wb').write(pcmout.raw[:k*2])
print(n, m, k)
