@echo off
rem Runs Timelapse Studio from a source checkout, from any directory:
rem   timelapse camera ARGS...  runs the camera agent  (camera\target\timelapse-camera.jar)
rem   timelapse ARGS...         runs the studio        (desktop\target\timelapse-desktop.jar)
rem It builds first when a jar is missing or older than any pom.xml or file under *\src\.
rem JAVA_OPTS is passed to the JVM; JAVA_HOME picks the Java to use, as for mvnw.cmd.
rem The same rules as ./timelapse; keep the two in step.
setlocal

set "TIMELAPSE_ROOT=%~dp0"
if "%TIMELAPSE_ROOT:~-1%"=="\" set "TIMELAPSE_ROOT=%TIMELAPSE_ROOT:~0,-1%"
set "DESKTOP_JAR=%TIMELAPSE_ROOT%\desktop\target\timelapse-desktop.jar"
set "CAMERA_JAR=%TIMELAPSE_ROOT%\camera\target\timelapse-camera.jar"

set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"

call :build_if_needed
if errorlevel 1 exit /b 1

if /i "%~1"=="camera" goto camera
rem 'render' gets the C2 thresholds of ./timelapse (see there why). ./timelapse also gives it a class archive
rem (docs/rendering.md, "Start-up"); this script makes none, as for the agent: its classes load the ordinary way.
set "RENDER_OPTS="
if /i "%~1"=="render" set "RENDER_OPTS=-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
"%JAVA_EXE%" %RENDER_OPTS% %JAVA_OPTS% -jar "%DESKTOP_JAR%" %*
exit /b %ERRORLEVEL%

:camera
rem %* cannot drop its first word, so the agent's arguments are collected one by one.
set "CAMERA_ARGS="
:next_camera_arg
shift
if [%1]==[] goto run_camera
set CAMERA_ARGS=%CAMERA_ARGS% %1
goto next_camera_arg
:run_camera
rem The small-board flags of ./timelapse (see there why); JAVA_OPTS comes after them, so it wins.
"%JAVA_EXE%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m -Xms8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:ReservedCodeCacheSize=16m -Xss512k %JAVA_OPTS% -jar "%CAMERA_JAR%" %CAMERA_ARGS%
exit /b %ERRORLEVEL%

:build_if_needed
rem PowerShell compares the times: exit code 1 when a jar is missing or older than a pom.xml or anything under *\src.
powershell -NoProfile -NonInteractive -Command ^
  "$root = $env:TIMELAPSE_ROOT;" ^
  "$jars = @($env:DESKTOP_JAR, $env:CAMERA_JAR);" ^
  "if (@($jars | Where-Object { -not (Test-Path -LiteralPath $_) }).Count -gt 0) { exit 1 }" ^
  "$built = $jars | ForEach-Object { (Get-Item -LiteralPath $_).LastWriteTimeUtc } | Sort-Object | Select-Object -First 1;" ^
  "$sources = @(Get-Item -Path (Join-Path $root 'pom.xml'), (Join-Path $root '*\pom.xml'))" ^
  "  + @(Get-ChildItem -Path (Join-Path $root '*\src') -Recurse -Force);" ^
  "if (@($sources | Where-Object { $_.LastWriteTimeUtc -gt $built }).Count -gt 0) { exit 1 }" ^
  "exit 0"
if not errorlevel 1 exit /b 0

set "BUILD_NOTE=building (the first build downloads Maven and libraries: a few minutes)..."
if exist "%DESKTOP_JAR%" if exist "%CAMERA_JAR%" set "BUILD_NOTE=the sources changed; building..."
echo timelapse: %BUILD_NOTE% 1>&2
pushd "%TIMELAPSE_ROOT%"
call mvnw.cmd -B -q -DskipTests package 1>&2
set "BUILD_EXIT=%ERRORLEVEL%"
popd
if "%BUILD_EXIT%"=="0" goto mark_built
echo timelapse: the build failed (see above); run mvnw.cmd package in the checkout for details. 1>&2
exit /b 1

:mark_built
rem Maven leaves a jar alone when its classes did not change (a pom touched, say); mark both as built now
rem so the next run does not build again.
powershell -NoProfile -NonInteractive -Command ^
  "foreach ($jar in @($env:DESKTOP_JAR, $env:CAMERA_JAR)) { (Get-Item -LiteralPath $jar).LastWriteTimeUtc = [DateTime]::UtcNow }"
exit /b 0
