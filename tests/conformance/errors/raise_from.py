def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"no config for {key}") from e
print(load("a"))
load("b")
