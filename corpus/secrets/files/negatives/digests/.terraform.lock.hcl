provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:OulFGNoMk/s7OmGqg2mBS7zsjnPt9/7+yKDkunXqjUY=",
    "h1:dFKaZDbyMRX6bnufF7WIICmH+mY3CETJ/QGdpeOCawY=",
    "zh:fc458c1554768c9f328f24e2b729be058c532fe13ef7a05ed265ab38eba6e352",
    "zh:2b10775c392e9f0165f71789a62f30204ec78516e4faf4bc8afcd92535538971",
    "zh:087fccea20b31122c3d6f835ff709f797dc5b5428f76eb7be74c5027275a023f",
    "zh:d4f93dfa4d877d965ca6a230e8f802bfb1c14ee5aa7a26f2727aee7557c5495e",
    "zh:968c9cec46a2ba46582b573ff01c2a8386522dba9becf50d1eaf7413339c448f",
    "zh:ec9b5919a05c1d5366feb95538f1f67e4d359870a85fe2883679463d9b05be1a",
  ]
}
