
6
inputPlaceholder*
dtype0*
shape
:
5
badSqueezeinput*
T0*
squeeze_dims
"Ú