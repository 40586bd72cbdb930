'use strict';

const accessToken = "akab-dupn7jnl11dh56t1-ti615a4os2ii3gnb";
const secretAccessKey = "FTI2nqR/4ZMEE9J+KZEgAu4/aDU2bCO7Fc1Ee1N7";
const cosmosKey = "u76sYcmW26n4i4oNYNdcJebYULqJGokW3nfNxzuul+HHZP/cPCx1Agpxefmz56fGHI0Etyoa+rjXACDbG+frDw==";
const accessToken = "access_token$sandbox$ey9fso367hwrqpa3$f47906c7853de3d49dc7c7e34054b1a0";
const cloudflareApiUserServiceKey = "v1.0-e25b6cbc3bfd905fe4ff49ab-b41304627ae1fbd0cbf234dfe7a3046e47745ef1a4082e9a882f113f4ee8598a9a4a1aad173d6de3ed1698268985f7f38c5d478ab562faa982705b3b625244e47201892a93281f5b80";
const consulAclToken = "e66a7415-d118-73a0-5d8b-da11ab7c8c59";
const token = "ddo_vVbHR1bAzNdD59wq6odRs5nk18MQlstUrbQx";
const fastlyKey = "dZ1TPrKO8hgB-Hw1E708HoXuZvFL1uY-";
const googleRefreshToken = "1//05tv8zdrH9uJbinle4KWMJ2Nk9zQ3GtfPm2QPQcIbVavkDVCcWuoRU9yFNk88qE91K4WUxyVe05UGcYYZTfpLrnV46PQblBBu76O";
const webhookSecret = "a4e15369-dffe-9d93-77a7-9999780a3eb8";
const runnerToken = "glrtr-77RqllEnxC4jtFqM16Ma";
const token = "glwt-otdqaLzfZdW9ppDsFMg5RUt5zKBRYY_zxsiwct5SXW.86.qjj9c70mf";
const ibmCloudApiKey = "eZq1BcfmazYNRUt8QoBljCLFJu3oSSQCPFaW6gfReQIr";
const youtrackToken = "perm:KX2hoIX6C8i=.rSHaGsS9.BIECS19bfI6oJDnxXuovftOEUCuCtc";
const newrelicLicenseKey = "1bbc10dbb7e63bc23770073cb810b602122dNRAL";
const nugetApiKey = "oy2jkpxbb3djo2o4g0awlt02g9vblg20euu9ccowj3lxjx";
const postmanCollectionToken = "PMAT-B2JZHNW51VF6JKA1ETZGD6WZX9";
const PULUMI_CONFIG_PASSPHRASE = "fcfRVPS7VEEoVMB6FB1Z";
const sendgridApiKey = "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";
const token = "xoxb-49991474063-0bYIS4Tl2kUpkhbC1TUPUoH9";
const snykApiKey = "5d372175-f797-5185-a416-94372c3b6913";
const url = "sb_secret_nnMEqPRzTZQjRTZJJRp3Qb_a5pkf43Y";
const travisToken = "ScFxBXSNVT47Kte0EgbHpY";
const uriPostgres = "postgresql+psycopg2://etl:QnNOF4PP3U7XtZR@10.20.4.15/warehouse";
const refreshToken = "rt1.fsomJPZ9T1A0A166wXKyufu4lN6xWa.pCeEKq8CD9S-MqrsCpl6ac7MsoAiaUhlQXmkchN3AQ4YW1P3ZnqYJCGs5mClhwkEMHNERgbMIKAuA_prQ0TNbb";

module.exports = { ready: true };
