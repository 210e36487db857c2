@echo off
rem Equity Advisor launcher for Windows, made by the build (mvn package) in target\equity-advisor\bin\.
rem Plain jars (lib\) instead of nested ones, the class-data archive app.jsa when it fits this Java, and the
rem quick compiler only for short commands. JAVA_HOME picks the Java; JAVA_OPTS adds options.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "MODE=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if "%~1"=="serve" set "MODE=-XX:+UseParallelGC -Xms128m -Xmx256m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m"
if "%~1"=="batch" set "MODE=-XX:+UseParallelGC"
if "%~1"=="bench" set "MODE=-XX:+UseParallelGC"
set "CDS="
if exist "%HOME_DIR%\app.jsa" set "CDS=-XX:SharedArchiveFile=%HOME_DIR%\app.jsa -Xshare:auto"
"%JAVA%" %MODE% %CDS% -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS% -jar "%HOME_DIR%\equity-advisor.jar" %*
