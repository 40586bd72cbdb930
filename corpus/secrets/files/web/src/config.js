'use strict';

const xApiKey = "sk-ant-api09-rSD_9TJ5eT2FUZUID-AhEKEBLFlTAMNUyvaTPMqGqfqy42BmBRE70TmZ3VClHD9TZFjdvgXgP8GmhubrJhiHYv3Zd9VbmAA";
const azureDevopsPat = "https://build:RKJiPplWsqjwUEHLmtmWiNdY5r33Pz0TPX6r2ffO7pK9DClLPne4JQQJ99EI412TjLHqm0V60XPsAZDOLwYj@dev.azure.com/acme/platform/_git/infra";
const accessToken = "access_token$sandbox$ey9fso367hwrqpa3$f47906c7853de3d49dc7c7e34054b1a0";
const discordBotToken = "NIWuJXQnHXAuSrJ4YtruGMW9HC.bS5R1D.tcPXuUEQGdW9LG28NIXvmD1qgIubb7XGCM6ZgP";
const flutterwaveSecretKey = "FLWSECK-f05f51f446fdcd3ecd1b0f904c5582a6-X";
const googleRefreshToken = "1//05tv8zdrH9uJbinle4KWMJ2Nk9zQ3GtfPm2QPQcIbVavkDVCcWuoRU9yFNk88qE91K4WUxyVe05UGcYYZTfpLrnV46PQblBBu76O";
const jobToken = "glcbt-20_RpjM_qONVeGwt3gpuC_7";
const registrationToken = "GR1348941sj-5bPysm9tJCi1ueXr5";
const accessToken = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5NTMyNDIwNyIsIm5hbWUiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMzAwOTYwNSwiZXhwIjoxODA5NjY0NjQ2LCJzY29wZSI6ImFkbWluIiwianRpIjoiQnVsNTJ6TWlQanhDV1VXNiJ9.98PYhWCUOvfrabAXAd9zQvDjId2FE0dCY9FotdHkRbbR3u9a7xkancjYnrEGfZuGP8EyUDWNeY7rsCFuw9tSim";
const mailgunWebhookSigningKey = "7e65fdcbc1a77516f757618e308de0ea";
const nugetApiKey = "oy2jkpxbb3djo2o4g0awlt02g9vblg20euu9ccowj3lxjx";
const pagerdutyRoutingKey = "05c64401888478f11ef9acfae4aae474";
const sendgridApiKey = "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";
const slackIncomingWebhookUrl = "https://hooks.slack.com/services/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";
const snykApiKey = "5d372175-f797-5185-a416-94372c3b6913";
const tfTokenAppTerraformIo = "f2Bl94GaYS5UoO.atlasv1.9m3FusSQkva95apzvkqsidfe2K9NyHMu95r77u0VpyIpUnU8r12exaw1Wft8fnParDh";
const token = "tfp_s0Ox5Z02Tciq3LAe7CKW5hQejeefLsVjlYbZtM0lZU7d_Rf1AQztNsb37hz";
const vercelToken = "K7a4YEQ5WPZ0Oj3Un21kpozk";

module.exports = { ready: true };
