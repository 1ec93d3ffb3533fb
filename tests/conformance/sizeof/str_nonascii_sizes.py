import sys
for s in ["é", "€", "😀", "aé", "a€", "a😀", "éé", "€€€", "café", "naïve", "日本語", "ÿ", "Ā"]:
    print(repr(s), len(s), sys.getsizeof(s))
print(sys.getsizeof("é" * 10), sys.getsizeof("€" * 10), sys.getsizeof("😀" * 10))
print(sys.getsizeof("abc" + "é"), sys.getsizeof("abc" + "€"))
print(sys.getsizeof("€".encode()))
