import gc

rescued = []

class Cargo:
    def __init__(self):
        self.me = self
        self.tag = "cargo"

class Lazarus:
    def __del__(self):
        print("Lazarus.__del__")
        rescued.append(self)

gc.disable()
gc.collect()
laz = Lazarus()
cargo = Cargo()
laz.cargo = cargo
cargo.laz = laz
del laz, cargo
print("collect:", gc.collect())
inst = rescued.pop()
print("cargo kept:", inst.cargo.tag, inst.cargo.laz is inst, inst.cargo.me is inst.cargo)
del inst
print("collect:", gc.collect())
print("rescued:", rescued)
gc.enable()
