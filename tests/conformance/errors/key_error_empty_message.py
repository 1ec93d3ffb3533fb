print("k")
raise KeyError("")
