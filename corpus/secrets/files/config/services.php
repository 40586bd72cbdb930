<?php

return [
    'api_token' => 'ATATT3xFfGF0hHpMHeTs9Y9GaQIEDTkKdAKnsAIXGeL08X03-LkMoVsCNUL4NPVbkOcfWCDVmn7JVsjtxwOs71oC3Q92-OurtaV-4GRdQ-2VcSaz_6-cPPiLHtLCq8mzVP_vX4tjUpsY1UKtI7RM72q2Fm-0-FCqNjv_icFfWY4-Ra5EJW91ZoD=70479966',
    'bitbucket_access_token' => 'ATCTT3xFfGN0DR3ryJkXsXsFBG6ZmcrCcMKcVEIC_V3NwLc2JiT3DWjfdAHaPdTUMo0-sJ9qKX1O1uRiyL6JIUsLqtjxja47OKDR4uE-GZdhc25XdDXUCiz4Y_Uza__aVm6BOnclvAy-mILSMghRl90hgxl5l1kATVW5JRTFGc4mdzoPiW1FYmT=691393D4',
    'access_token' => 'access_token$production$6001q5njgk8otlzp$3bf9c7fcd595a24ecea712a85499c4c7',
    'url' => 'https://discordapp.com/api/webhooks/562483840056015100/eX4K-6e_hMYo3mQYyQq0Dl99C82Lw46efhzFpQZEIGWHFYzo0v7UmM40RziELmHehLtD',
    'dropbox_short_lived_access_token' => 'sl.u.B_yUht7T1pr4CbRttO-lw24P8reatB3akmpivWXFL97p6aoYnh8oth6FMXt5d-932An0PQ9gT-Ivyn4gKAdvri6ZFYkt8cvO3LO3SoIMsJ50qThxzjAO97rA5bqemivj2gKPxfA_ltqITcFZ_1bKTaa0JvlsVn_dboJmfe4xIHu4M3PjqKMgd5Sc4Ib2L4VCM9GIaXzCGFur3yrZ-5hQgZnY7QDgNeZRXH3C2Gs1vbquSm_7D92NSCCO_rn6xOyskC56q-RCoHue_x5AZFGY_NZsNrosB2vbWKhh_0pQ0dc39RLT9oZcwKCA8ANRdHAjO4QKisg_Esx_TA5J2JSP-O2VSYODsZMIDi7HxEY23319L2MdcFDqj8wojsh4v714Jim1NzCzF_o6XURHutDne2ulPankUfvNQLC-wLumj8TAxxAYroTOLAuzNK_9O0iObW3xZPugNgShdALyi_-ccNfuNBu0HU8ZLs45Cwd5cgdGV9gn-I5bzQhkB9CJcJoYV4zrlKyFOxXj0UrIZmt-iRrI2fhPf00cBVc-IOb64iO9Npe56PuejX12OFZBllPAg4dip8mOeFYPu_XS9qglddEc',
    'fly_api_token' => 'fo1_V3F0TjpQPbvE7HefDw2H_BKh4zdl5rafG38wn7HlaTy',
    'gh_token' => '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',
    'config_token' => 'glagent-qGOFUjzgIQDZkzWVGV4IA1PYWSpCMfi1hILnN7SBUn1BMKMpTp',
    'intercom_token' => 'dG9rOtXiOcU9RHQxOJW7CFPdONB7EF7pZGM9BIxcR1Y6XmC2ZsHmOJmtPnK=',
    'mailgun_api_key' => 'api:key-a9ebec2c427af43359cbf6e8d85ce156',
    'auth' => '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',
    'password' => 'pscale_pw_E5263FFcGYolPnWZzvs8QyTqHmpixUM5-vxEiN4mQcd',
    'gem_host_api_key' => 'rubygems_4b4e1ff28023369e9d42a96595638f268d6abb7bb912ff6f',
    'shippo_config_api_key' => 'shippo_test_7231611370b58d5c9da1aea53dfd7430ede30cba',
    'client_secret' => 'sq0csp-BqJZdW7bTOJUAi8sWEHDM7r2L82I6k7Gy_FCag5hp5f',
    'twilio_api_key' => 'SKa199dd8414d72ea8f6104922f850f9a3',
    'http_proxy' => 'http://proxyuser:lPv*NLIws1w*0SE@proxy.corp.local:3128',
    'uri_postgres' => 'postgresql+psycopg2://etl:QnNOF4PP3U7XtZR@10.20.4.15/warehouse',
];
