class ValidationError(ValueError):
    def __init__(self, field):
        super().__init__(field)
        self.field = field
    def __str__(self):
        return f"field {self.field!r} is invalid"
print("validating")
raise ValidationError("email")
