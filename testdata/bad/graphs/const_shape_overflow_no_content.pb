
<
badConst*
dtype0*!
valueB€€€€€ €€€€€ 
 
outputIdentitybad*
T0"Ú