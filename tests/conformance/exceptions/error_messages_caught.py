n = 5
idx = 1.0
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: n(),
    lambda: n[0],
    lambda: len(5),
    lambda: [x for x in 5],
    lambda: {[]: 1},
    lambda: None.foo,
    lambda: "abc".nope,
    lambda: int("4.5"),
    lambda: float("x1"),
    lambda: [1, 2].index(3),
    lambda: (1, 2).index(3),
    lambda: "abc"[10],
    lambda: (1,)[3],
    lambda: {"a": 1}["b"],
    lambda: {1: 1}[2],
    lambda: 10 % 0,
    lambda: 10 // 0,
    lambda: 1.5 / 0,
    lambda: 2 ** 0.5 // 0.0,
    lambda: "x" * 1.5,
    lambda: 1 < "a",
    lambda: [3, "a"].sort(),
    lambda: next(iter([])),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: int(None),
    lambda: -"a",
    lambda: ~1.5,
    lambda: "a" - "b",
    lambda: [] * [],
    lambda: 2 ** 10000 * 1.0,
    lambda: int("12", 50),
    lambda: [1, 2, 3][idx],
    lambda: max([]),
    lambda: min(1),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
