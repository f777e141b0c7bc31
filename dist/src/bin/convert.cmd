@echo off
rem convert: TensorFlow model to OpenVINO IR (see README.md). The runtime image beside it, or java on the PATH.
setlocal
set "root=%~dp0.."
set "java=%root%\runtime\bin\java.exe"
if not exist "%java%" set "java=java"
"%java%" -XX:+UseSerialGC %TFIR_JAVA_OPTS% -jar "%root%\app\convert.jar" %*
exit /b %ERRORLEVEL%
