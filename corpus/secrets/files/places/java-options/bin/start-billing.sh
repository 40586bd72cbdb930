#!/bin/sh
set -e
exec java -Xmx512m -Djavax.net.ssl.keyStorePassword=!xpZB_B74tdJNs -jar /opt/billing/app.jar
JAVA_OPTS="-Dspring.profiles.active=prod -Dapp.api.secret=DNVRluBKL57aEaDexGWNFR2m8wHcN -Dfile.encoding=UTF-8"
java -Ddb.password=z45OryDdJqSnjNxI5ZDlKO88 -cp lib/* com.acme.Migrate
java -Dpartner.apiKey=cf226fb18f8d9539ec7555def089ac15270ed5a8 -jar partner-sync.jar
exec java -Djavax.net.ssl.keyStorePassword="${KEYSTORE_PASSWORD}" -jar app.jar
java -Djavax.net.ssl.trustStorePassword=changeit -jar app.jar
java -Dpassword.file=/run/secrets/db_password -jar app.jar
java -Dtoken.ttl=3600 -Dsecret.rotation.days=30 -jar app.jar
java -Ddb.password=$DB_PASSWORD -jar app.jar
