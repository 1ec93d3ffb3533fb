class Boom(Exception):
    pass
print("x")
raise Boom
