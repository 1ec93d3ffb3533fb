s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.rfind("dog"))
print(s.find("at", 6), s.find("the", 1, 10))
print(s.index("sat"), s.count("at"), s.count("the"), s.count("x"))
print(s.startswith("the"), s.startswith("cat"), s.endswith("mat"), s.endswith(("dog", "mat")))
print(s.startswith("cat", 4))
print("aaa".count("a"), "aaaa".count("aa"), "abc".count(""))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
print(s.partition(" "))
print(s.rpartition(" "))
print(s.partition("xyz"))
print("key=value=more".partition("="))
