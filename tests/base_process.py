"""A small process that every rule accepts: rule tests mutate it.

Line numbers matter: rule tests assert exact positions in this text, so
append new keys at the end of their element rather than reordering.
"""

BASE = """\
procdoc: 1
id: T-01
name: 投诉受理
version: "1.1"
status: approved
category: business
owner: service
approved_by: 李四
purpose: 及时受理客户投诉
scope: 所有客户投诉
trigger:
  description: 客户提出投诉
  mode: passive
outputs:
  - name: 投诉处理记录
lanes:
  - id: customer
    name: 客户
    kind: external
  - id: service
    name: 客服部
    duties: 受理并处理投诉
documents:
  - id: F-01
    name: 投诉登记表
    kind: form
records:
  - id: R-01
    name: 投诉处理记录
    keep: 3 years
    stored_in: OA
steps:
  - id: "1"
    name: 客户投诉
    type: start
    lane: customer
    next: "2"
  - id: "2"
    name: 登记投诉
    lane: service
    key: true
    time_limit: 即时
    documents: [F-01]
    records: [R-01]
    outputs: [投诉处理记录]
    control:
      standard: 信息完整
      method: 每周抽查
      record: R-01
      on_fail: "2"
    next: "3"
  - id: "3"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: "4"
      - when: 否
        next: "5"
  - id: "4"
    name: 处理完毕
    type: end
    lane: service
  - id: "5"
    name: 转交上级
    type: end
    lane: service
emergencies: []
sla: 2 working days
review_every: 12 months
revisions:
  - version: "1.0"
    date: 2026-01-10
    author: 张三
    approved_by: 李四
    changes: 首次发布
  - version: "1.1"
    date: 2026-06-01
    author: 张三
    approved_by: 李四
    changes: 增加控制点
"""
