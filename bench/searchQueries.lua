-- wrk script: random search queries, one to three words drawn from the generated corpus's
-- vocabulary (bench/generateCorpus.mjs), with a misspelling and a word no article holds among
-- them, so the load mixes common, rare, corrected and empty searches. Seeded: each run asks
-- the same sequence.
local words = {
  "officials", "ministry", "exports", "prices", "region", "demand", "components", "factories",
  "orders", "analysts", "growth", "costs", "households", "companies", "governments", "trade",
  "shipments", "october", "summer", "monday", "expotrs", "housholds", "xylophone", "rare earths",
}
math.randomseed(12)

request = function()
  local count = math.random(1, 3)
  local picked = {}
  for i = 1, count do
    picked[i] = words[math.random(#words)]:gsub(" ", "+")
  end
  return wrk.format("GET", "/search?q=" .. table.concat(picked, "+"))
end
