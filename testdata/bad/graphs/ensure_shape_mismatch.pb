
6
inputPlaceholder*
dtype0*
shape
:
7
badEnsureShapeinput*
T0*
shape
:"Ú