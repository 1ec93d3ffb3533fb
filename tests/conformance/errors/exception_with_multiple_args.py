print("args")
raise ValueError("bad value", 42)
