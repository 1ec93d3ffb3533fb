import gc
gc.disable()
gc.collect()
def make():
    def rec(n):
        return 0 if n == 0 else rec(n - 1)
    return rec(3)
print(make())
print("collected:", gc.collect())
gc.enable()
