print(r"C:\new\table")
print(len(r"\n"), len("\n"))
print(repr(r"\d+\s*"))
print(R"upper \t prefix")
print(r'raw \' quote')
print(r"""raw
triple \n""")
print(repr(r"\\"))
print(r"\x41" == "\\x41")
