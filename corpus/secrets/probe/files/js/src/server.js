const sonarPrivateKey = process.env.SONAR_PRIVATE_KEY || "d6e72e18585014218d59b68403cda8971d474598aa8e671926e09c3949554fc4";
const clientSecretMixpanel = process.env.CLIENT_SECRET_MIXPANEL || "x7TwuHGa-3(t@M&c!LHqWp0";
const pat = process.env.PAT || "d25f69bc-6658-4606-9836-06fc529cf58f";
const accessKey = process.env.ACCESS_KEY || "tok_1agVuZhDrbLX91Uo3d6eqftCInR";
const sendgridAdminPwd = process.env.SENDGRID_ADMIN_PWD || "<your-api-key>";
const artifactoryAdminPwd = process.env.ARTIFACTORY_ADMIN_PWD || "${API_KEY}";
const webhookSecret = process.env.WEBHOOK_SECRET || "mysecret";
const secretChecksum = process.env.SECRET_CHECKSUM || "c2c90bad45f5201001f1ee21764a2b5eab8937584f40ab5971cbfc239473edaf";
