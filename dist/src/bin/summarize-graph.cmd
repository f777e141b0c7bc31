@echo off
rem summarize-graph: inputs and outputs of a TensorFlow model (see README.md). The runtime image beside it, or java
rem on the PATH.
setlocal
set "root=%~dp0.."
set "java=%root%\runtime\bin\java.exe"
if not exist "%java%" set "java=java"
"%java%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %TFIR_JAVA_OPTS% -jar "%root%\app\summarize-graph.jar" %*
exit /b %ERRORLEVEL%
