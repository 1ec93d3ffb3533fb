try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        [][1]
except IndexError as e:
    print("outer got", type(e).__name__, "context:", type(e.__context__).__name__)
try:
    try:
        raise ValueError("a")
    finally:
        print("finally runs even while propagating")
except ValueError as e:
    print("propagated", e)
def gen_error():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        return "handled: " + str(e)
print(gen_error())
