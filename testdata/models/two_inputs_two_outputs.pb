
A
input_aPlaceholder*
dtype0*
shape:ÿÿÿÿÿÿÿÿÿ
A
input_bPlaceholder*
dtype0*
shape:ÿÿÿÿÿÿÿÿÿ
'
sumAddV2input_ainput_b*
T0
)
productMulinput_ainput_b*
T0"Ú