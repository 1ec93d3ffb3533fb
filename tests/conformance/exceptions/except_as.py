try:
    {}["missing"]
except KeyError as e:
    print(type(e).__name__, str(e), repr(e), e.args)
try:
    int("abc")
except ValueError as e:
    print(type(e).__name__, "|", e, "|", repr(e))
try:
    [1][5]
except IndexError as e:
    print(repr(e))
try:
    1 / 0
except ZeroDivisionError as e:
    err = e
    print(e.args)
print(type(err).__name__)
try:
    print(e)
except NameError as ne:
    print("e was cleared:", ne)
