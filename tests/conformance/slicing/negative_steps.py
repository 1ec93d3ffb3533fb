a = list(range(10))
print(a[1:8:3], a[::-1] == list(reversed(a)))
print(a[:5], a[-3:])
print(a[-1::-1][:3], a[5::-1], a[:5:-1], a[-3::-2])
print("abcdef"[1::2], "abcdef"[::-2], "abcdef"[-2:-5:-1])
step = -2
start = 8
print(a[start::step], a[start:1:step], a[start:None:step])
