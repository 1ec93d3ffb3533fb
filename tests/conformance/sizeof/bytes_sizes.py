import sys
for b in [b"", b"a", b"hello", b"x" * 100]:
    print(len(b), sys.getsizeof(b))
print(sys.getsizeof(b"\x00" * 10), sys.getsizeof("héllo".encode()))
