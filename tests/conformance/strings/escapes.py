print("tab:\tend")
print("newline:\nsecond")
print("backslash: \\ quote: \" apostrophe: \'")
print("hex: \x41\x42 octal: \101\102 unicode: \u00e9 \U0001F600")
print(repr("tab\there"))
print(repr("line\nbreak\r\x00\x7f"))
print(repr("\u00e9\u20ac"))
print(len("\n\t\\"), len("\x41"), len("\U0001F600"))
print("bell\a?" == "bell\x07?")
s = "a\
b"
print(s)
