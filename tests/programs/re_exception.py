# expect: RE
values = {}
print(values["missing"])
