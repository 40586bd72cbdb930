#!/bin/sh
set -e
echo "machine git.acme.io login ci password JrO1pBi6TCqH0VTEGknHYiRAq4BLyEjs3afIuZ" > ~/.netrc
echo "machine git.acme.io login ci password ${GIT_TOKEN}" > ~/.netrc
echo "machine git.acme.io login ci password $CI_JOB_TOKEN" >> ~/.netrc
# netrc format: machine <host> login <user> password <password>
