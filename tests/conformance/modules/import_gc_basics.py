import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
print(gc.collect())
gc.enable()
print(gc.isenabled())
import gc as collector
print(collector is gc)
