'use strict';

const asanaPat = "2/9786035504112597/6445132638457754:587b0c93b55b31030128accaae772ed1";
const azureDevopsPat = "https://build:RKJiPplWsqjwUEHLmtmWiNdY5r33Pz0TPX6r2ffO7pK9DClLPne4JQQJ99EI412TjLHqm0V60XPsAZDOLwYj@dev.azure.com/acme/platform/_git/infra";
const accessToken = "access_token$sandbox$ey9fso367hwrqpa3$f47906c7853de3d49dc7c7e34054b1a0";
const discordBotToken = "NIWuJXQnHXAuSrJ4YtruGMW9HC.bS5R1D.tcPXuUEQGdW9LG28NIXvmD1qgIubb7XGCM6ZgP";
const flutterwaveSecretKey = "FLWSECK-f05f51f446fdcd3ecd1b0f904c5582a6-X";
const googleRefreshToken = "1//05tv8zdrH9uJbinle4KWMJ2Nk9zQ3GtfPm2QPQcIbVavkDVCcWuoRU9yFNk88qE91K4WUxyVe05UGcYYZTfpLrnV46PQblBBu76O";
const jobToken = "glcbt-20_RpjM_qONVeGwt3gpuC_7";
const registrationToken = "GR1348941sj-5bPysm9tJCi1ueXr5";
const IC_API_KEY = "xEuN9BssCMPkjOzz6dg5hM76glrEWccHZsn10Q0zObq6";
const mailgunWebhookSigningKey = "7e65fdcbc1a77516f757618e308de0ea";
const apiKey = "NRAA-GA0N2ZC6OLPC686UPVXB87GOC7I";
const pagerdutyRoutingKey = "05c64401888478f11ef9acfae4aae474";
const pypiApiToken = "pypi-AgEIcHlwaS5vcmcGAjSVssGIKuKGinP2ykqBzEPP7Lhx-s9rViBCNKl-xpw92h2RO5onr5TL-412LzUFbm3RT_QMQjLlLlEeyOogtvkzXfV-38ZOXf9_QEe2lJ5_smY1X52qUZDxi5KnEeii1u11EZ709p2lkYnw-QKNaJsrR_HlaY564ldB4Vp3PWMo1jEH2haiAHH";
const shopifyApiSecret = "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";
const snykApiKey = "5d372175-f797-5185-a416-94372c3b6913";
const tfTokenAppTerraformIo = "f2Bl94GaYS5UoO.atlasv1.9m3FusSQkva95apzvkqsidfe2K9NyHMu95r77u0VpyIpUnU8r12exaw1Wft8fnParDh";
const token = "tfp_s0Ox5Z02Tciq3LAe7CKW5hQejeefLsVjlYbZtM0lZU7d_Rf1AQztNsb37hz";
const vercelToken = "K7a4YEQ5WPZ0Oj3Un21kpozk";

module.exports = { ready: true };
