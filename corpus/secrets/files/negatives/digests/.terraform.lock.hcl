provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:W9K9wAdQo2ajVnAdWvrMV4xBs3RxowLMY3dXdGat7GA=",
    "h1:LuANGV2zYLRL5XfDnThFhyWaCm9TzrG9GRvDEvQpHuI=",
    "zh:c7469eac0338766cebd4157e48de4712a41110addc65c8e63a2fb18f8af9427b",
    "zh:6ec911204d030bbedebb9e3f262c25bf9864a54cbbded51cfef62ae2a734fc66",
    "zh:f61a6916a66ce3bc60b794c0c893cc575a3f3b4ed91d6f29b1a82db3f7d6dff7",
    "zh:8f0decb95994c4b15412dcbcaabd5a51ec30e5cdaec55dcaacf414412c857e5d",
    "zh:b724f2482cba4eb83773d212a947576cdb0d9e08a00c124bbfeff85c4558763d",
    "zh:043ea4ae73fd0d6bbd427cb253e275d951c52b5f5b763d4f6f0821abac8ec6bc",
  ]
}
