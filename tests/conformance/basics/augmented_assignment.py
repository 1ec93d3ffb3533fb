n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 10; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 1.0
f /= 4; print(f)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
lst += "xy"
print(lst)
lst += (7,)
print(alias)
d = {"k": [1]}
d["k"] += [2]
print(d)
