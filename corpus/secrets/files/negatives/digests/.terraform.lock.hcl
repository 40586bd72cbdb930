provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:HMsje+IQ1xRcGeIiLMIMd6Z/HxN4Dq6GCwe3XoripOY=",
    "h1:1xu85FsGq7Ufahs5+PRDFCcyWt14y3VNvwk6tYHiO14=",
    "zh:e058c532fe13ef7a05ed265ab38eba6e3522b10775c392e9f0165f71789a62f3",
    "zh:0204ec78516e4faf4bc8afcd92535538971087fccea20b31122c3d6f835ff709",
    "zh:f797dc5b5428f76eb7be74c5027275a023fd4f93dfa4d877d965ca6a230e8f80",
    "zh:2bfb1c14ee5aa7a26f2727aee7557c5495e968c9cec46a2ba46582b573ff01c2",
    "zh:a8386522dba9becf50d1eaf7413339c448fec9b5919a05c1d5366feb95538f1f",
    "zh:67e4d359870a85fe2883679463d9b05be1a2bef8cb14a9c3aeec3d2c7469eac0",
  ]
}
