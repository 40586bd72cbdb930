'use strict';

const accessToken = "akab-dupn7jnl11dh56t1-ti615a4os2ii3gnb";
const sessionToken = "FQoGZXIvYXdzTlGPGg6esE33pNyXd1RN6Tflqq0+gDDCLG46QMl8X+zIoaROs9mI/lElKVHxbcajdR4X+nevJikWuCrGhU8uiUgbBqkzqPm7kBiOisiJQdyp0ro8KchEgekfRcHlrQPf1n7rWDqG9++RQMvX3Q9V7EyPa2TEBa4IKPc3hgrgKDbf805ivEpMJU7y/yHcIJQPntEja+pzwI9TISHFkguxtPyPTYLj7";
const cosmosKey = "u76sYcmW26n4i4oNYNdcJebYULqJGokW3nfNxzuul+HHZP/cPCx1Agpxefmz56fGHI0Etyoa+rjXACDbG+frDw==";
const accessToken = "access_token$sandbox$ey9fso367hwrqpa3$f47906c7853de3d49dc7c7e34054b1a0";
const codecovUploadToken = "aa0befe1-3680-54b6-bc14-a24fad318777";
const consulAclToken = "e66a7415-d118-73a0-5d8b-da11ab7c8c59";
const discordBotToken = "NIWuJXQnHXAuSrJ4YtruGMW9HC.bS5R1D.tcPXuUEQGdW9LG28NIXvmD1qgIubb7XGCM6ZgP";
const gcpOauthAccessToken = "ya29.f9rp5Bf03jV7Um_qUcPo5vDniZEUku0SljSmI_V91q0m5zB9MmkH2QOScVW6NcLxfEu4YJPxDNt1VuqcPj3oJLpQR14a5I9J3_cP5Q8LRBR0xbJuBI_hZQwKxrPi1lrRj5MSubQGgdqjUMY3LKjfcHrXHEiHmNjvt9tZqaFlaxGzsxGqCTUL6F";
const secretKey = "vciypg-bzicrsag-gucxq+zpv95l-$9tqua4@(nl+50(q_4+4%++pct4ur+=i9n8bf";
const gitlabRunnerAuthenticationToken = "glrt-u1_vqv3qfM7GcE5nYUbL5CX-dNUh5Z7-jvGfixie8k2XW.23.va0b8ur22";
const token = "glwt-otdqaLzfZdW9ppDsFMg5RUt5zKBRYY_zxsiwct5SXW.86.qjj9c70mf";
const ibmCloudApiKey = "eZq1BcfmazYNRUt8QoBljCLFJu3oSSQCPFaW6gfReQIr";
const mapboxToken = "sk.eyJ2NjzeRIPhFE94ftBypE4kMHFjGgchcKhvOCU5t0gfNTi5vJO9Y6k5buY3eCWaxCS9.xfl5bTq0rvtZl70F6G5ydA";
const newrelicLicenseKey = "1bbc10dbb7e63bc23770073cb810b602122dNRAL";
const nugetApiKey = "oy2jkpxbb3djo2o4g0awlt02g9vblg20euu9ccowj3lxjx";
const prefectApiKey = "pnu_DQJMGmV8O5h6FbgubQ2SxzJzdC4eRnQSRV5I";
const razorpayKeySecret = "rzp_live_nJLHGfjiUGj27H:dgaGvJ9TrCDl0iJaKje7HNRJ";
const sendgridApiKey = "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";
const refresh = "xoxr-751429242184-749977569236-5jdahapfm134036f70x85609349eud81n3eb7461saqo0ewg7jg796so90gq8g48";
const stripePublishableKey = "pk_live_08O095fgQJiXZvc838sCvw1UfORgyeFd1fsu3Z2efewYEdpLH7zu23q6Dfag7jgDP1e5Y3nnxXEa6RFIEt9llc9SPw4G4DAZf1w";
const telegramBotToken = "https://api.telegram.org/bot2564594716:AAa8bWAvdNmagu6itWnm8pzd7rSxh3Ayk5i/getMe";
const token = "tfp_s0Ox5Z02Tciq3LAe7CKW5hQejeefLsVjlYbZtM0lZU7d_Rf1AQztNsb37hz";
const celeryBrokerUrl = "redis://worker:ei4pMLe=PXvd@10.0.0.8:6379/1";
const secret = "ysc2_zIYSnjqhCRFFpZUBaRiwk0XgF7ErmsRdRlun1CcYe2c3c179";

module.exports = { ready: true };
