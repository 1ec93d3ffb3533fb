a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
print(a, b)
print(c)
print(d)
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
print(repr("it's"), repr('plain'), repr("plain"))
print("adjacent" " literals" ' concatenate')
e = """  leading spaces
	tab line
"""
print(repr(e))
print(len(d), d.count("\n"))
f = '''He said "yes" and 'no'.'''
print(f)
print(repr(f))
