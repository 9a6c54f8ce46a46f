-- wrk script for make bench: conversation turns, round-robin over the conversations listed in ids.txt (the
-- working directory is the bench data folder); the access token is the first script argument.
local ids = {}
for line in io.lines("ids.txt") do ids[#ids + 1] = line end
local messages = {
  '{"text":"停车场在哪里？"}', '{"text":"孩子咳嗽两天了"}', '{"text":"抽血要空腹吗"}', '{"text":"药房在哪里"}',
  '{"text":"where can I park?"}', '{"text":"头疼三天了，不是突然的"}'
}
local counter = 0
request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local body = messages[(counter % #messages) + 1]
  return wrk.format("POST", "/v1/conversations/" .. id .. "/messages", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
init = function(args) token = args[1]; counter = math.random(1000) end
