def two(seq):
    a, b = seq
    return a, b
def three(seq):
    a, b, c = seq
    return a, b, c
def star(seq):
    a, *b, c = seq
    return a, b, c
tests = [(two, [1, 2, 3]), (three, (1, 2)), (two, 5), (star, [1]), (star, [1, 2]), (two, "ab"), (two, {"k": 1, "j": 2})]
for fn, arg in tests:
    try:
        print("ok:", fn(arg))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
