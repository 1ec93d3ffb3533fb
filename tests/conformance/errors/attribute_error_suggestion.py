class Player:
    def __init__(self, name):
        self.name = name
        self.score = 0
p = Player("ann")
print(p.name)
print(p.scores)
