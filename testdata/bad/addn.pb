
6
inputPlaceholder*
dtype0*
shape
:
+
sumAddNinputinput*
N*
T0"Ú