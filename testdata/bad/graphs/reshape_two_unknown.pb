
6
inputPlaceholder*
dtype0*
shape
:
:
shapeConst*
dtype0*
valueB"ÿÿÿÿÿÿÿÿ
3
badReshapeinputshape*
Tshape0*
T0"Ú